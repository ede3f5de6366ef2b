// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Link;

/// <summary>
/// A link token as stored (<c>selfservice_link_tokens</c>): its HMAC, the flow it belongs to, the address it was sent
/// to, the identity behind that address (null when none: such a token is never sent), and when it stops working.
/// </summary>
internal sealed class LinkToken
{
    public Guid Id { get; init; }

    public Guid FlowId { get; init; }

    public string TokenHmac { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public Guid? IdentityId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }
}
