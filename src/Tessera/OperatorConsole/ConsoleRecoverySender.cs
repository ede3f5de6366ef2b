// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;
using Tessera.Errors;
using Tessera.Identities;
using Tessera.Localization;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Flows;
using Tessera.SelfService.Flows.Recovery;
using Tessera.SelfService.Methods.Code;

namespace Tessera.OperatorConsole;

/// <summary>
/// "Send a recovery code": the code <c>POST /admin/recovery/code</c> creates (a browser flow waiting for it, the
/// code's configured lifespan), e-mailed through the courier with the <c>recovery_code_valid</c> template to the
/// identity's first e-mail recovery address, in the identity's language. The model also carries <c>RecoveryURL</c>
/// (the flow's page) for templates that link to it. Whether recovery is enabled is the console's chosen project's
/// (<c>?project=</c>; its overlay may turn recovery off).
/// </summary>
internal sealed class ConsoleRecoverySender(RecoveryFlowService recovery, ProjectOptions<RecoveryOptions> options, CodeOptions code, CourierOutbox outbox)
{
    public async Task<Result<string>> SendAsync(HttpContext context, Identity identity, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return ErrorCatalog.SelfServiceFlowDisabled;
        }

        if (identity.RecoveryAddresses.FirstOrDefault(a => a.Via == "email") is not { } address)
        {
            return ErrorCatalog.IdentityRecoveryAddressMissing;
        }

        var created = await recovery.CreateForIdentityAsync(context, identity, FlowType.Browser, code.Lifespan, cancellationToken);
        await outbox.QueueEmailAsync(CourierTemplateType.RecoveryCodeValid, address.Value,
            new { RecoveryCode = created.RecoveryCode, RecoveryURL = created.RecoveryLink }, RecipientLanguage.Of(identity), cancellationToken);
        return address.Value;
    }
}
