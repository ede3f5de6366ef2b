// SPDX-License-Identifier: Apache-2.0
using Tessera.SelfService.Flows.Nodes;
using Tessera.SelfService.Flows.Settings;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Methods.Password;

/// <summary>
/// The <c>password</c> settings method: sets a new password. Always needs a privileged session (checked before
/// anything else, as Kratos does); the policy and the hashing are <c>IdentityManager</c>'s.
/// </summary>
internal sealed class PasswordSettingsMethod(SettingsIdentityWriter writer) : ISettingsMethod
{
    public const string MethodName = "password";

    public string Name => MethodName;

    public void AddNodes(SettingsForm form)
    {
        form.Flow.Ui.Nodes.Add(UiNode.Input(MethodName, "password", "password", UiMessages.InfoNodeLabelInputPassword.With(), required: true, autocomplete: "new-password"));
        form.Flow.Ui.Nodes.Add(SettingsNodes.Submit(MethodName, MethodName));
    }

    public async Task<SettingsOutcome> SubmitAsync(SettingsSubmission submission, CancellationToken cancellationToken)
    {
        if (!submission.Privileged)
        {
            return SettingsOutcome.RefreshRequired;
        }

        if (string.IsNullOrEmpty(submission.Body.Password))
        {
            submission.Flow.Ui.AddMessage("password", UiMessages.ValidationRequired.With(new Dictionary<string, object?> { ["property"] = "password" }));
            return SettingsOutcome.Rerender();
        }

        return await writer.SaveAsync(submission.Flow.Ui, submission.Identity, submission.Identity.Traits, submission.Body.Password, cancellationToken);
    }
}
