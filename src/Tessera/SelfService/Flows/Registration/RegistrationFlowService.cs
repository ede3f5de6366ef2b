// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Schemas;
using Tessera.Projects.Overlays;
using Tessera.SelfService.Methods.Oidc;

namespace Tessera.SelfService.Flows.Registration;

/// <summary>
/// The registration journey with the password method, in Kratos 1.3's two steps unless the legacy one-step form is
/// configured: the form comes from the identity schema, the identity is
/// created by the one <see cref="IdentityManager"/> (schema validation, password policy, unique identifiers), and
/// with the <c>session</c> hook the new identity is signed in.
/// </summary>
internal sealed class RegistrationFlowService(
    FlowFactory factory, FlowStarter starter, IdentitySchemaRegistry schemas, ProjectOptions<SelfServiceOptions> selfService, RegistrationSubmission submission, ProjectOptions<RegistrationOptions> options,
    OidcNodes oidc)
{
    public const string StateChooseMethod = "choose_method";
    public const string StatePassedChallenge = FlowFinality.PassedChallenge;

    public async Task<IResult> CreateAsync(HttpContext context, FlowType type, Uri? returnTo, CancellationToken cancellationToken, Action<Flow>? prepare = null)
    {
        if (!selfService.Value.For(FlowKind.Registration).Enabled)
        {
            return new ErrorResult(ErrorCatalog.SelfServiceFlowDisabled);
        }

        if (await starter.RefuseSignedInAsync(context, FlowKind.Registration, type, returnTo, cancellationToken) is { } signedIn)
        {
            return signedIn;
        }

        var flow = factory.Create(context, FlowKind.Registration, type, returnTo, StateChooseMethod);
        RegistrationNodes.AddFirst(flow.Ui, await schemas.DefaultAsync(cancellationToken), traits: null, options.Value.LegacyOneStep, options.Value.CodeSignUp);
        oidc.AddRegistration(flow.Ui);
        prepare?.Invoke(flow);
        return await starter.StartAsync(context, flow, cancellationToken);
    }

    public Task<IResult> SubmitAsync(HttpContext context, Flow flow, UpdateRegistrationFlowRequest body, CancellationToken cancellationToken) =>
        submission.SubmitAsync(context, flow, body, cancellationToken);
}
