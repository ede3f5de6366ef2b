// SPDX-License-Identifier: Apache-2.0
using System.Globalization;
using System.Text.RegularExpressions;
using Tessera.Ui.Messages;

namespace Tessera.Tests.Ui;

/// <summary>
/// Issue 22: the 31 codes of seed 000's appendix render the seed's literal texts (DESIGN.md: "the 31 appendix codes of
/// seed 000 use the seed's literal texts (context rendered)"). "X minutes" is the rendered minutes since expiry;
/// "(dynamic — context-dependent)" is the reason the context carries.
/// </summary>
public sealed partial class AppendixTextTests
{
    private static readonly DateTimeOffset ExpiredAt = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, string, string> Appendix()
    {
        var rows = new TheoryData<int, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "seed-000-appendix.md")))
        {
            if (Row().Match(line) is { Success: true } row)
            {
                rows.Add(int.Parse(row.Groups["code"].Value, CultureInfo.InvariantCulture), row.Groups["name"].Value, row.Groups["text"].Value);
            }
        }

        return rows;
    }

    [Fact]
    public void Appendix_Has31Codes() => Appendix().Count.ShouldBe(31);

    [Theory]
    [MemberData(nameof(Appendix))]
    public void Message_RendersTheSeedText(int code, string name, string seedText)
    {
        var message = UiMessages.Find(code);
        message.ShouldNotBeNull($"{code} {name}");

        var (rendered, expected) = seedText switch
        {
            "(dynamic — context-dependent)" => (message.With(new Dictionary<string, object?> { ["reason"] = "a reason from the context" }).Text, "a reason from the context"),
            _ when seedText.Contains(" X minutes ", StringComparison.Ordinal) => (message.WithExpiry(ExpiredAt, ExpiredAt.AddMinutes(5)).Text, Unquote(seedText).Replace(" X minutes ", " 5.00 minutes ", StringComparison.Ordinal)),
            _ => (message.With().Text, Unquote(seedText)),
        };

        rendered.ShouldBe(expected, $"{code} {name}");
    }

    private static string Unquote(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1] : text;

    [GeneratedRegex(@"^\| (?<code>4\d{6}) \| (?<name>[^|]+?) \| (?<text>.+) \|$")]
    private static partial Regex Row();
}
