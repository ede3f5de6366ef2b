// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;

namespace Tessera.SelfService.Flows.Login;

/// <summary>
/// Which identity may finish a login flow. A re-authentication (<c>refresh=true</c>) or step-up (<c>aal=aal2</c>)
/// flow started with a session belongs to that session's identity (stored as the flow's <c>identity_id</c>): another
/// identity's credentials, or a request now carrying another identity's session, are refused with
/// <c>security_identity_mismatch</c>, so the session is refreshed and never swapped for someone else's. An ordinary
/// flow submitted by a client that signed in meanwhile is refused as Kratos refuses it (<c>session_already_available</c>).
/// </summary>
internal sealed class LoginIdentityPin(FlowCompletion completion, IdentityStore identities)
{
    public static bool IsPinned(Flow flow) => flow.IdentityId is not null;

    /// <summary>The identifier a pinned flow shows (hidden): the identity's first password identifier, if it has one.</summary>
    public async Task<string?> PinnedIdentifierAsync(Guid identityId, CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(identityId, cancellationToken);
        return identity is not null && identity.Credentials.TryGetValue(CredentialTypes.Password, out var password)
            ? password.Identifiers.FirstOrDefault()
            : null;
    }

    /// <summary>Null when this request may submit the flow with <paramref name="identifier"/> (null: no identifier sent); else the answer.</summary>
    public async Task<IResult?> RefuseAsync(HttpContext context, Flow flow, string? identifier, CancellationToken cancellationToken)
    {
        var current = await completion.CurrentSessionAsync(context, cancellationToken);
        if (flow.IdentityId is not { } pinned)
        {
            // Kratos: a client that holds a session and submits an ordinary login flow is told so (HTML browsers go back
            // where they came from) rather than being switched silently to whichever identity the form names.
            if (current is null)
            {
                return null;
            }

            return FlowCompletion.AnswersWithRedirect(context, flow) ? completion.RedirectAfter(flow) : new ErrorResult(FlowStarter.SessionAlreadyAvailable(FlowKind.Login));
        }

        if (current is not null && current.IdentityId != pinned)
        {
            return new ErrorResult(ErrorCatalog.SecurityIdentityMismatch);
        }

        // The identifier is checked before any password is tried, so a pinned flow never proves another account's password.
        return identifier is not null && !await BelongsToAsync(pinned, identifier, cancellationToken)
            ? new ErrorResult(ErrorCatalog.SecurityIdentityMismatch)
            : null;
    }

    /// <summary>After a method proved <paramref name="identity"/>: whether it is the one the flow belongs to.</summary>
    public static TesseraError? Mismatch(Flow flow, Identity identity) =>
        flow.IdentityId is { } pinned && pinned != identity.Id ? new TesseraError(ErrorCatalog.SecurityIdentityMismatch) : null;

    private async Task<bool> BelongsToAsync(Guid identityId, string identifier, CancellationToken cancellationToken)
    {
        var identity = await identities.GetAsync(identityId, cancellationToken);
        var normalized = IdentifierNormalizer.Normalize(identifier);
        return identity is not null && identity.Credentials.Values.Any(c => c.Identifiers.Contains(normalized, StringComparer.Ordinal));
    }
}
