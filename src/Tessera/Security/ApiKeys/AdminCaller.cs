// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.ApiKeys;

/// <summary>
/// Who is calling the admin API, as <see cref="AdminKeyAuthenticationMiddleware"/> established it: the key (null when
/// the admin API is open and none was sent, which counts as the deployment's operator). Handlers of workspace-level
/// lists and creations read it to stay within a workspace key's workspace.
/// </summary>
internal sealed record AdminCaller(ApiKey? Key)
{
    private static readonly object ItemKey = new();

    public static readonly AdminCaller Open = new((ApiKey?)null);

    /// <summary>The workspace a workspace key is bound to; null for every other caller (who are not held to one).</summary>
    public Guid? Workspace => Key?.Kind == ApiKeyKind.Workspace.Name ? Key.WorkspaceId : null;

    /// <summary>The project a project key is bound to; null for every other caller.</summary>
    public Guid? Project => Key?.Kind == ApiKeyKind.Project.Name ? Key.ProjectId : null;

    public static AdminCaller Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is AdminCaller found ? found : Open;

    public void Attach(HttpContext context) => context.Items[ItemKey] = this;
}
