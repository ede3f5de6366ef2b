// SPDX-License-Identifier: Apache-2.0
using Tessera.Errors;

namespace Tessera.Tests.Errors;

public sealed class ErrorCatalogTests
{
    [Fact]
    public void Catalog_Ids_AreUniqueSnakeCase()
    {
        ErrorCatalog.All.ShouldNotBeEmpty();
        ErrorCatalog.All.Select(e => e.Id).ShouldBeUnique();
        ErrorCatalog.All.ShouldAllBe(e => System.Text.RegularExpressions.Regex.IsMatch(e.Id, "^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
    }

    [Fact]
    public void Catalog_EveryEntry_HasStatusMessageCauseAndResolution()
    {
        foreach (var entry in ErrorCatalog.All)
        {
            entry.Status.ShouldBeInRange(400, 599, entry.Id);
            entry.Message.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Reason.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Cause.ShouldNotBeNullOrWhiteSpace(entry.Id);
            entry.Resolution.ShouldNotBeNullOrWhiteSpace(entry.Id);
        }
    }

    [Theory]
    [InlineData(400, "Client")]
    [InlineData(429, "Client")]
    [InlineData(500, "Error")]
    [InlineData(501, "Error")]
    [InlineData(502, "Failure")]
    [InlineData(503, "Failure")]
    [InlineData(504, "Failure")]
    public void Retry_DerivesFromStatus(int status, string expected) =>
        new ErrorDescriptor("x", status, "m", "r", "c", "s").Retry.ToString().ShouldBe(expected);
}
