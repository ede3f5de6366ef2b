// SPDX-License-Identifier: Apache-2.0
using System.Text.Json;
using Tessera.Ui.Messages;

namespace Tessera.Tests.Ui;

public sealed class UiMessagesTests
{
    private static readonly Dictionary<int, JsonElement> Kratos = LoadKratos();

    [Fact]
    public void Catalog_Ids_AreUniqueAndKratosIdsWithKratosTypes()
    {
        UiMessages.All.Select(m => m.Id).ShouldBeUnique();
        foreach (var message in UiMessages.All)
        {
            Kratos.ShouldContainKey(message.Id);
            message.Type.ToString().ToLowerInvariant().ShouldBe(Kratos[message.Id].GetProperty("type").GetString(), message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Catalog_CoversTheSeedAppendix()
    {
        int[] appendix =
        [
            .. Enumerable.Range(4010001, 11), .. Enumerable.Range(4040001, 3), .. Enumerable.Range(4050001, 2),
            .. Enumerable.Range(4060000, 7), .. Enumerable.Range(4070000, 7),
        ];

        appendix.Where(id => UiMessages.Find(id) is null).ShouldBeEmpty();
    }

    [Fact]
    public void Catalog_CoversEveryKratosMessageWithATextOutsideTheValidationRange()
    {
        var expected = Kratos.Values
            .Where(k => k.GetProperty("text").ValueKind == JsonValueKind.String)
            .Select(k => k.GetProperty("id").GetInt32())
            .Where(id => id is < 4000000 or >= 4010000);

        expected.Where(id => UiMessages.Find(id) is null).ShouldBeEmpty();
    }

    [Fact]
    public void Placeholders_UseKratosContextKeysOrDerivedOnes()
    {
        foreach (var message in UiMessages.All)
        {
            var keys = Kratos[message.Id].GetProperty("context_keys").EnumerateArray().Select(k => k.GetString()!).Append("reason").ToHashSet();
            foreach (var key in TextTemplate.Keys(message.Template))
            {
                var root = key.Replace("_unix_since_minutes", "", StringComparison.Ordinal).Replace("_unix_until_minutes", "", StringComparison.Ordinal);
                keys.ShouldContain(root, $"{message.Id} uses {{{key}}}");
            }
        }
    }

    [Fact]
    public void LoginFlowExpired_RendersMinutesSinceExpiryFromTheContext()
    {
        var expiredAt = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

        var text = UiMessages.ErrorValidationLoginFlowExpired.WithExpiry(expiredAt, expiredAt.AddMinutes(2));

        text.Id.ShouldBe(4010001);
        text.Type.ShouldBe("error");
        text.Text.ShouldContain("2.00");
        text.Text.ShouldNotContain("{");
        text.Context["expired_at_unix"].ShouldBe(expiredAt.ToUnixTimeSeconds());
        text.Context.ContainsKey("expired_at").ShouldBeTrue();
    }

    [Fact]
    public void Render_WithoutAValue_KeepsThePlaceholderVisible() =>
        UiMessages.InfoSelfServiceLoginWith.Render(null).ShouldContain("{provider}");

    private static Dictionary<int, JsonElement> LoadKratos()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Reference, "kratos-messages.json")));
        return document.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetInt32(), e => e.Clone());
    }
}
