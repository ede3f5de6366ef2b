// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.Cipher;

/// <summary>
/// One of Kratos's <c>ciphers.algorithm</c> values. Every sealed value carries its algorithm's <see cref="Tag"/>, so
/// values written before an operator changed the algorithm still open afterwards.
/// </summary>
internal interface ICipherAlgorithm
{
    /// <summary>The <c>ciphers.algorithm</c> value.</summary>
    string Name { get; }

    /// <summary>The prefix of every value it seals, e.g. <c>aesgcm:</c>.</summary>
    string Tag { get; }

    byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext);

    /// <summary>The plaintext, or null when this key does not open it (altered, or another key).</summary>
    byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes);
}
