// SPDX-License-Identifier: Apache-2.0
using QRCoder;

namespace Tessera.SelfService.Methods.Totp;

/// <summary>The <c>otpauth://</c> key URI an authenticator app scans, and its QR code as a PNG data URL.</summary>
internal static class TotpQrCode
{
    public static string KeyUri(string issuer, string account, string base32Secret) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}" +
        $"?secret={base32Secret}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits=6&period=30";

    public static string DataUrl(string keyUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(keyUri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(4);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
