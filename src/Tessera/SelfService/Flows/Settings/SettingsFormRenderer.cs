// SPDX-License-Identifier: Apache-2.0
using Tessera.Hosting;
using Tessera.Identities;
using Tessera.Identities.Admin;
using Tessera.Identities.Schemas;

namespace Tessera.SelfService.Flows.Settings;

/// <summary>
/// Builds a settings flow's form from the identity as it is now: each enabled method's nodes (in registration
/// order: profile, password, then the second factors), and the identity as the flow shows it (no credentials, no
/// admin metadata).
/// </summary>
internal sealed class SettingsFormRenderer(IdentitySchemaRegistry schemas, IEnumerable<ISettingsMethod> methods, PublicUrls urls)
{
    private static readonly HashSet<string> NoCredentials = [];
    private readonly List<ISettingsMethod> _methods = methods.ToList();

    /// <summary>The method a submission names (<c>lookup</c> is the OpenAPI spec's name for <c>lookup_secret</c>).</summary>
    public ISettingsMethod? Find(string? name) => _methods.FirstOrDefault(m => m.Name == (name == "lookup" ? "lookup_secret" : name));

    public async Task<IdentitySchema> SchemaAsync(Identity identity, CancellationToken cancellationToken) =>
        await schemas.FindAsync(identity.SchemaId, cancellationToken) ?? await schemas.DefaultAsync(cancellationToken);

    public Flow WithIdentity(Flow flow, Identity identity) =>
        flow with { Identity = IdentityResponse.From(identity, urls.BaseUrl, NoCredentials) with { MetadataAdmin = null, Credentials = null } };

    /// <summary>Replaces every method's nodes (the CSRF node stays) and clears the messages.</summary>
    public void Render(Flow flow, Identity identity, IdentitySchema schema)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Group != "default");
        flow.Ui.ClearMessages();
        AddNodes(flow, identity, schema);
    }

    public void AddNodes(Flow flow, Identity identity, IdentitySchema schema)
    {
        var form = new SettingsForm(flow, identity, schema);
        foreach (var method in _methods)
        {
            method.AddNodes(form);
        }
    }
}
