// SPDX-License-Identifier: Apache-2.0
using System.Text;

namespace Tessera.Identities.Schemas;

/// <summary>
/// The configured identity schemas, loaded once (at start by <see cref="IdentitySchemaWarmup"/>, or on first use
/// in the CLI). Lookups accept the id or, as Kratos's schema URLs carry it, its base64url encoding.
/// </summary>
internal sealed class IdentitySchemaRegistry(IdentityOptions options)
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private IReadOnlyList<IdentitySchema>? _schemas;

    public string DefaultSchemaId => options.DefaultSchemaId;

    public async Task<IReadOnlyList<IdentitySchema>> AllAsync(CancellationToken cancellationToken = default)
    {
        if (_schemas is { } loaded)
        {
            return loaded;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_schemas is null)
            {
                var schemas = new List<IdentitySchema>();
                foreach (var reference in options.Schemas)
                {
                    schemas.Add(await IdentitySchemaLoader.LoadAsync(reference, cancellationToken));
                }

                _schemas = schemas;
            }

            return _schemas;
        }
        finally
        {
            _loading.Release();
        }
    }

    public async Task<IdentitySchema?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var all = await AllAsync(cancellationToken);
        return all.FirstOrDefault(s => s.Id == id)
            ?? (Decode(id) is { } decoded ? all.FirstOrDefault(s => s.Id == decoded) : null);
    }

    public async Task<IdentitySchema> DefaultAsync(CancellationToken cancellationToken = default) =>
        (await FindAsync(options.DefaultSchemaId, cancellationToken))!;

    /// <summary>The id as it appears in schema URLs: base64url without padding.</summary>
    public static string Encode(string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

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
