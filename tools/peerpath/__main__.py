from peerpath.cli import main

raise SystemExit(main())
