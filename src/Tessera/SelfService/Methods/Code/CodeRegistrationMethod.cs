// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Courier;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Localization;
using Tessera.SelfService.Flows;

namespace Tessera.SelfService.Methods.Code;

/// <summary>
/// The code method of the registration flow: the code goes to the registering traits' first code address (the
/// schema's <c>credentials.code.identifier</c>, on its <c>via</c> channel), and a right code proves that address, so
/// the new identity starts with it verified. No identity exists yet, so the challenge belongs to the address alone.
/// </summary>
internal sealed class CodeRegistrationMethod(CodeChallenges challenges, CodeCourier courier)
{
    /// <summary>The address the code goes to, or null when the traits name none this server can send to.</summary>
    public static (string Channel, string Address)? AddressOf(IdentitySchema schema, JsonObject traits) =>
        schema.CodeIdentifiers
            .SelectMany(f => IdentitySchema.Values(traits, f).Select(v => (Channel: f.Extension.CodeVia ?? CodeCourier.Email, Address: IdentifierNormalizer.Normalize(v))))
            .Where(a => a.Address.Length > 0 && CodeCourier.Carries(a.Channel))
            .Select(a => ((string, string)?)a)
            .FirstOrDefault();

    /// <summary>Queues the code for a stored flow; the code replaces any earlier one of the flow.</summary>
    public async Task SendAsync(Flow flow, (string Channel, string Address) to, CancellationToken cancellationToken)
    {
        var code = await challenges.IssueAsync(flow.Id, to.Address, null, null, cancellationToken);
        await courier.QueueAsync(to.Channel, to.Address, CourierTemplateType.RegistrationCodeValid, new { RegistrationCode = code }, FlowLanguage.Of(flow), cancellationToken);
    }

    /// <summary>The address the right code proved (the code is now used), or why not.</summary>
    public Task<CodeCheck> VerifyAsync(Flow flow, string code, CancellationToken cancellationToken) =>
        challenges.ConsumeAsync(flow.Id, code, forNewIdentity: true, cancellationToken);
}
