// SPDX-License-Identifier: Apache-2.0
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Tessera.Configuration;
using Tessera.Security.Cipher;

namespace Tessera.Security.Keys;

/// <summary>
/// MAC keys derived (HKDF-SHA-256, the purpose as info) from the configured <c>secrets.cipher</c> keys, in their
/// order. Without any, a random key made when the process starts: the last resort, valid on this node until it
/// stops, so browsers holding a CSRF cookie from another node or an earlier run get a new one (their open forms fail
/// once). Start-up warns about it; multi-node deployments must configure a secret.
/// </summary>
internal sealed class ConfiguredMacKeys : IServerMacKeys
{
    private readonly IReadOnlyList<byte[]> _secrets;
    private readonly ConcurrentDictionary<string, IReadOnlyList<byte[]>> _derived = new(StringComparer.Ordinal);

    public ConfiguredMacKeys(ConfigurationTree config)
    {
        var configured = config.GetStringList(SecretCipher.ConfigKey);
        IsProcessRandom = configured.Count == 0;
        _secrets = IsProcessRandom
            ? [RandomNumberGenerator.GetBytes(32)]
            : configured.Select(s => SHA256.HashData(Encoding.UTF8.GetBytes(s))).ToList();
    }

    /// <summary>True when no secret is configured and the keys live only as long as this process.</summary>
    public bool IsProcessRandom { get; }

    public IReadOnlyList<byte[]> For(string purpose) =>
        _derived.GetOrAdd(purpose, p => _secrets.Select(s => HKDF.DeriveKey(HashAlgorithmName.SHA256, s, 32, info: Encoding.UTF8.GetBytes(p))).ToList());
}
