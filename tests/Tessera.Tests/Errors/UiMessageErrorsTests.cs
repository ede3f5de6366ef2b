// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using Tessera.Errors;
using Tessera.Errors.Documentation;
using Tessera.Ui.Messages;

namespace Tessera.Tests.Errors;

public sealed class UiMessageErrorsTests
{
    [Fact]
    public void Catalog_UiMessageIds_ParseAndNameMessagesThatExist()
    {
        foreach (var entry in ErrorCatalog.All.Where(e => e.UiMessageIds is not null))
        {
            foreach (var part in entry.UiMessageIds!.Split(',', StringSplitOptions.TrimEntries))
            {
                var bounds = part.Split('-');
                bounds.Length.ShouldBeLessThanOrEqualTo(2, entry.Id);
                bounds.Where(b => !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var _)).ShouldBeEmpty(entry.Id);
                UiMessages.Find(int.Parse(bounds[0], CultureInfo.InvariantCulture)).ShouldNotBeNull($"{entry.Id}: {part}");
            }
        }
    }

    [Theory]
    [InlineData(4000006, "credentials_invalid")]
    [InlineData(4000007, "identity_conflict")]
    [InlineData(4000002, "validation_failed")]
    [InlineData(4010001, "self_service_flow_expired")]
    [InlineData(4070006, "verification_code_invalid")]
    [InlineData(4010011, "identity_disabled")]
    [InlineData(4010002, "validation_failed")]
    public void For_NamedIdBeatsARange(int id, string expected) => UiMessageErrors.For(id).Id.ShouldBe(expected);

    [Fact]
    public void Documentation_EveryUiMessage_HasMeaningCauseAndResolution()
    {
        UiMessageDocumentation.All.Select(d => d.Message.Id).ShouldBe(UiMessages.All.Select(m => m.Id));
        foreach (var doc in UiMessageDocumentation.All)
        {
            doc.Name.ShouldNotBeNullOrWhiteSpace();
            doc.Meaning.ShouldNotBeNullOrWhiteSpace(doc.Name);
            doc.Cause.ShouldNotBeNullOrWhiteSpace(doc.Name);
            doc.Resolution.ShouldNotBeNullOrWhiteSpace(doc.Name);
            (doc.Error is null).ShouldBe(doc.Message.Type != UiMessageType.Error, doc.Name);
        }
    }
}
