// SPDX-License-Identifier: Apache-2.0
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Tessera.Hosting.Pagination;

namespace Tessera.Tests.Hosting;

public sealed class PaginatorTests
{
    [Fact]
    public void Position_EncodedThenRead_RoundTrips()
    {
        var position = new CreatedAtPosition(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero).AddTicks(12340), Guid.NewGuid());

        var page = Parse($"page_token={PageToken.Encode(position.Parts)}&page_size=7");

        page.Succeeded.ShouldBeTrue();
        page.Value.After.ShouldBe(position);
        page.Value.Size.ShouldBe(7);
        page.Value.IsLegacy.ShouldBeFalse();
    }

    [Theory]
    [InlineData("", 250)]
    [InlineData("page_size=", 250)]
    [InlineData("page_size=1000", 1000)]
    [InlineData("page_size=1001", 1000)]
    [InlineData("page_size=99999999999999999999", 1000)]
    public void PageSize_AbsentOrLarge_DefaultsOrClamps(string query, int size) => Parse(query).Value.Size.ShouldBe(size);

    [Theory]
    [InlineData("page=3&per_page=20", 3, 20, 60)]
    [InlineData("per_page=5", 0, 5, 0)]
    [InlineData("page=2", 2, 250, 500)]
    public void LegacyParameters_WithoutKeysetOnes_PageByOffset(string query, long page, int size, long offset)
    {
        var request = Parse(query).Value;

        request.LegacyPage.ShouldBe(page);
        request.Size.ShouldBe(size);
        request.Offset.ShouldBe(offset);
    }

    [Theory]
    [InlineData("page_size=abc", "page_size")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=-1", "page_size")]
    [InlineData("page_size=1.5", "page_size")]
    [InlineData("page_token=!!!", "page_token")]
    [InlineData("page_token=bm9wZQ", "page_token")]
    [InlineData("page_token=WyIxMjMiXQ", "page_token")]
    [InlineData("page=-1", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("per_page=x", "per_page")]
    public void UnreadableParameter_IsMalformedRequestNamingIt(string query, string parameter)
    {
        var result = Parse(query);

        result.Succeeded.ShouldBeFalse();
        result.Error.Descriptor.Id.ShouldBe("malformed_request");
        result.Error.Details!["parameter"].ShouldBe(parameter);
        result.Error.EffectiveReason.ShouldContain(parameter);
    }

    [Fact]
    public void LegacyParameters_WhereOnlyKeysetIsAllowed_AreIgnored() =>
        Paginator.Parse<CreatedAtPosition>(Query("page=x&per_page=y"), legacyAllowed: false).Value.IsLegacy.ShouldBeFalse();

    private static Tessera.Errors.Result<PageRequest<CreatedAtPosition>> Parse(string query) => Paginator.Parse<CreatedAtPosition>(Query(query));

    private static QueryCollection Query(string query) => new(QueryHelpers.ParseQuery(query));
}
