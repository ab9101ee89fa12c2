"""The `extra.peerpath` block of mkdocs.yml: settings that belong to the site, not the curriculum."""

from __future__ import annotations

from pydantic import Field

from peerpath.models.common import Slug, Strict, Text


class Approval(Strict):
    """A board's or CE approver's approval of the provider (or of this training), for one standard."""

    standard: Slug = Field(description="Standard id (standards/<id>.yml) the approval is for.")
    body: Text = Field(description="Who approved it, e.g. 'Minnesota Certification Board'.")
    number: Text | None = Field(default=None, description="Provider or approval number, as the approval gives it.")
    statement: Text | None = Field(default=None, description="Approval wording the body asks for on certificates.")
    retention_years: int | None = Field(
        default=None, ge=1, le=100, description="How many years the body asks the provider to keep training records."
    )


class Provider(Strict):
    """The organisation that delivers the training and the approvals it holds."""

    organisation: Text
    approvals: list[Approval] = Field(default_factory=list)
    require_passing_score: bool = Field(
        default=False,
        description="Issue a certificate only when every quiz has a recorded score at or above its pass mark.",
    )

    def approval_for(self, standard: str) -> Approval | None:
        return next((a for a in self.approvals if a.standard == standard), None)


class PeerPathSettings(Strict):
    organisation: Text = Field(description="Who issues certificates of completion.")
    verify_url: Text | None = Field(
        default=None, description="Full address of the site's verify page, for QR codes on certificates."
    )
    provider: Provider | None = Field(
        default=None,
        description="The training provider and its approvals (PeerPath itself is a curriculum, not a provider).",
    )
