// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Tessera.Configuration;
using Tessera.Projects.Overlays;

namespace Tessera.Identities.Schemas;

/// <summary>
/// The identity schemas of the ambient project (<c>identity.schemas</c>, the file/env configuration's unless the
/// project's overlay sets them), each set loaded once: the deployment's at start by <see cref="IdentitySchemaWarmup"/>
/// (or on first use in the CLI), a project's when its overlay is validated. Lookups accept the id or, as Kratos's schema
/// URLs carry it, its base64url encoding.
/// </summary>
/// <remarks>
/// A project's overlay comes from a tenant, not the operator: it may name inline schemas (<c>base64://</c>, compiled
/// without following external <c>$ref</c>s) and URLs the file/env configuration lists, never another file or URL, so
/// no project can make the server read its files or call out. The rule is enforced here, where every load happens.
/// </remarks>
internal sealed class IdentitySchemaRegistry(ProjectOptions<IdentityOptions> options, IdentityOptions deployment)
{
    private const string Key = "identity.schemas";

    // Bounds what tenants' successive overlays can pin in memory; the sets in use stay in _bySet (one per bound value).
    private const int MaxCachedSchemas = 512;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly ConditionalWeakTable<IdentityOptions, IReadOnlyList<IdentitySchema>> _bySet = new();
    private readonly ConcurrentDictionary<IdentitySchemaReference, IdentitySchema> _byReference = new();
    private IReadOnlyList<IdentitySchema>? _deploymentSchemas;

    public string DefaultSchemaId => options.Value.DefaultSchemaId;

    public Task<IReadOnlyList<IdentitySchema>> AllAsync(CancellationToken cancellationToken = default) =>
        LoadAsync(options.Value, cancellationToken);

    /// <summary>
    /// The schemas <paramref name="set"/> names, loaded (or from cache); throws <see cref="ConfigurationException"/>
    /// naming <c>identity.schemas</c> when one cannot be read, is not an identity schema, or is a URL a project may not use.
    /// </summary>
    public async Task<IReadOnlyList<IdentitySchema>> LoadAsync(IdentityOptions set, CancellationToken cancellationToken = default)
    {
        // Without overlays this is the path of every request: one comparison and one field read.
        if (ReferenceEquals(set, deployment) && _deploymentSchemas is { } loaded)
        {
            return loaded;
        }

        if (_bySet.TryGetValue(set, out var cached))
        {
            return cached;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            var schemas = new List<IdentitySchema>();
            foreach (var reference in set.Schemas)
            {
                schemas.Add(await LoadAsync(reference, cancellationToken));
            }

            _bySet.AddOrUpdate(set, schemas);
            if (ReferenceEquals(set, deployment))
            {
                _deploymentSchemas = schemas;
            }

            return schemas;
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<IdentitySchema?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return Find(all, id);
    }

    public async Task<IdentitySchema> DefaultAsync(CancellationToken cancellationToken = default)
    {
        var current = options.Value;
        return Find(await LoadAsync(current, cancellationToken), current.DefaultSchemaId)!;
    }

    /// <summary>The id as it appears in schema URLs: base64url without padding.</summary>
    public static string Encode(string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private async Task<IdentitySchema> LoadAsync(IdentitySchemaReference reference, CancellationToken cancellationToken)
    {
        if (_byReference.TryGetValue(reference, out var known))
        {
            return known;
        }

        var operatorChosen = reference.Url == DefaultIdentitySchema.Url || deployment.Schemas.Any(s => s.Url == reference.Url);
        if (!operatorChosen && !reference.Url.StartsWith(TemplateLocation.Base64Scheme, StringComparison.Ordinal))
        {
            throw new ConfigurationException(Key, $"the schema \"{reference.Id}\" must be inline (base64://) or a URL the configuration file lists: "
                + "a project may not name other files or URLs");
        }

        var schema = await IdentitySchemaLoader.LoadAsync(reference, selfContained: !operatorChosen, cancellationToken);
        if (_byReference.Count >= MaxCachedSchemas)
        {
            _byReference.Clear();
        }

        _byReference[reference] = schema;
        return schema;
    }

    private static IdentitySchema? Find(IReadOnlyList<IdentitySchema> all, string id) =>
        all.FirstOrDefault(s => s.Id == id) ?? (Decode(id) is { } decoded ? all.FirstOrDefault(s => s.Id == decoded) : null);

    private static string? Decode(string encoded)
    {
        var bytes = Hashing.PhcString.DecodeBase64(encoded);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
