// SPDX-License-Identifier: Apache-2.0
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Tessera.Courier;

/// <summary>
/// Keyset pagination's position: the last listed message's (created_at, id). The list is ordered by both,
/// newest first, so a page never repeats or skips a message even when many share one created_at. The token is
/// opaque to clients (base64url); a token that does not decode is refused.
/// </summary>
internal sealed record CourierPageCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{Id:N}"));

    public static bool TryDecode(string token, out CourierPageCursor? cursor)
    {
        cursor = null;
        if (token.Length > 200 || !Base64Url.IsValid(token))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)).Split('.');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new CourierPageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
