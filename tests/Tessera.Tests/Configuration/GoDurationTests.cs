// SPDX-License-Identifier: Apache-2.0
using Tessera.Configuration;

namespace Tessera.Tests.Configuration;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1h", 3600)]
    [InlineData("30m", 1800)]
    [InlineData("10s", 10)]
    [InlineData("1h30m", 5400)]
    [InlineData("720h", 2592000)]
    [InlineData("1.5s", 1.5)]
    [InlineData("100ms", 0.1)]
    [InlineData("0", 0)]
    public void TryParse_GoDuration_ReturnsTheSpan(string text, double seconds)
    {
        GoDuration.TryParse(text, out var duration).ShouldBeTrue();

        duration.TotalSeconds.ShouldBe(seconds, 0.0001);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("10")]
    [InlineData("1d")]
    [InlineData("h")]
    [InlineData("-1h")]
    [InlineData("99999999999999999999h")]
    public void TryParse_Garbage_IsRefused(string text) => GoDuration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(3600, "1h")]
    [InlineData(5400, "1h30m")]
    [InlineData(10, "10s")]
    public void Format_RoundTripsThroughParse(int seconds, string expected)
    {
        GoDuration.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
        GoDuration.TryParse(expected, out var back).ShouldBeTrue();
        back.ShouldBe(TimeSpan.FromSeconds(seconds));
    }
}
