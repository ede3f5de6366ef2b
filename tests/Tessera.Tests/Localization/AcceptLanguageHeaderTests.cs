// SPDX-License-Identifier: Apache-2.0
using Tessera.Localization;

namespace Tessera.Tests.Localization;

public sealed class AcceptLanguageHeaderTests
{
    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "de")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("fr-CA", "fr")]
    [InlineData("es-ES,es;q=0.9,fr;q=0.5,de;q=0.4", "fr")]
    [InlineData("de;q=0.2,fr;q=0.8", "fr")]
    [InlineData("de;q=0,fr;q=0", null)]
    [InlineData("ja,zh", null)]
    [InlineData("*", null)]
    [InlineData("de;q=abc, fr", "fr")]
    [InlineData(";;;,,,", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Preferred_PicksTheSupportedLanguageOfHighestQuality(string? header, string? expected) =>
        AcceptLanguageHeader.Preferred(header).ShouldBe(expected);

    [Theory]
    [InlineData("de-AT", "de")]
    [InlineData("FR", "fr")]
    [InlineData("fr_BE", "fr")]
    [InlineData("english", null)]
    [InlineData("", null)]
    public void Match_NamesALanguageByItsPrimarySubtag(string tag, string? expected) =>
        Languages.Match(tag).ShouldBe(expected);
}
