// SPDX-License-Identifier: Apache-2.0
namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// A code a flow waits for, as stored (<c>selfservice_codes</c>): the code's HMAC, the address it was sent to, the
/// identity behind that address (null when none), when it stops being valid, how many guesses the flow has used,
/// and when it was used.
/// </summary>
internal sealed class CodeChallenge
{
    public Guid FlowId { get; init; }

    public string CodeHmac { get; init; } = string.Empty;

    public string Address { get; init; } = string.Empty;

    public Guid? IdentityId { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public int Submissions { get; init; }

    public DateTimeOffset? UsedAt { get; init; }
}
