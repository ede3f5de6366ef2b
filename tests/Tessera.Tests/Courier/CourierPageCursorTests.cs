// SPDX-License-Identifier: Apache-2.0
using Tessera.Courier;

namespace Tessera.Tests.Courier;

public sealed class CourierPageCursorTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var cursor = new CourierPageCursor(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero).AddTicks(12340), Guid.NewGuid());

        CourierPageCursor.TryDecode(cursor.Encode(), out var decoded).ShouldBeTrue();

        decoded.ShouldBe(cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("bm9wZQ")]
    [InlineData("MTIzLnh5eg")]
    public void TryDecode_Garbage_IsRefused(string token) => CourierPageCursor.TryDecode(token, out _).ShouldBeFalse();
}
