// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Identities;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// Records a verified assertion's signature counter with a conditional write (<see cref="CredentialUses"/>): of
/// several requests carrying the same assertion exactly one passes, and a counter that did not go up (a cloned
/// authenticator) is refused. Authenticators that do not count (always 0) are not compared, as WebAuthn §6.1.1 says.
/// </summary>
internal sealed class WebAuthnCounters(CredentialUses uses)
{
    public Task<TesseraError?> AdvanceAsync(Guid identityId, string type, byte[] credentialId, uint received, CancellationToken cancellationToken) =>
        uses.UseAsync<TesseraError?>(identityId, type, config =>
        {
            var set = WebAuthnCredentialSet.From(config);
            if (set.Find(credentialId) is not { } stored)
            {
                return CredentialChange<TesseraError?>.Keep(new TesseraError(ErrorCatalog.WebAuthnCredentialUnknown));
            }

            if ((received != 0 || stored.SignCount != 0) && received <= stored.SignCount)
            {
                return CredentialChange<TesseraError?>.Keep(ErrorCatalog.WebAuthnSignCountInvalid.With(
                    new Dictionary<string, object?> { ["stored"] = stored.SignCount, ["received"] = received }));
            }

            return CredentialChange<TesseraError?>.Write(set.Replace(stored with { SignCount = received }).ToConfig(), null);
        }, cancellationToken);
}
