// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Security.Cipher;

/// <summary>
/// <c>noop</c>: stores the plaintext (tagged). Kratos offers it for development; Tessera refuses it outside dev mode,
/// and opens <c>noop:</c> values only while it is allowed, so a value planted in the database cannot pose as sealed.
/// </summary>
internal sealed class NoopCipherAlgorithm : ICipherAlgorithm
{
    public string Name => "noop";

    public string Tag => "noop:";

    public byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext) => plaintext.ToArray();

    public byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes) => sealedBytes.ToArray();
}
