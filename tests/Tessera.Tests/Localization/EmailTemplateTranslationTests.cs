// SPDX-License-Identifier: Apache-2.0
using System.Net.Mail;
using Tessera.Courier;
using Tessera.Localization;

namespace Tessera.Tests.Localization;

/// <summary>Every built-in message exists in every language, uses the same values, and renders in that language.</summary>
public sealed class EmailTemplateTranslationTests
{
    private static readonly string[] Files = ["email.subject.gotmpl", "email.body.gotmpl", "email.body.plaintext.gotmpl", "sms.body.gotmpl"];

    private static readonly EmailTemplates BuiltIn = new(new CourierOptions(
        null, new MailAddress("a@example.com"), new Dictionary<string, string>(), null, 5, 10, TimeSpan.FromSeconds(1)));

    public static TheoryData<string> Translated => new(Languages.All.Where(l => l != Languages.English));

    [Theory]
    [MemberData(nameof(Translated))]
    public void EveryBuiltInTemplate_HasATranslation(string language)
    {
        var missing = CourierTemplateType.All
            .SelectMany(type => Files.Where(file => EmailTemplates.HasBuiltIn(type, file, null) && !EmailTemplates.HasBuiltIn(type, file, language))
                .Select(file => $"{language}/{type.Folder}/{file}"));

        missing.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Translated))]
    public void EveryTranslation_RendersItsValuesAndDiffersFromEnglish(string language)
    {
        foreach (var type in CourierTemplateType.All)
        {
            var model = type.Fields.ToDictionary(f => f, _ => "Q7<&>9");
            var data = EmailTemplateData.From(type, "to@example.com", model);

            var english = BuiltIn.Render(type, data);
            var translated = BuiltIn.Render(type, data, language);

            translated.Subject.ShouldNotBe(english.Subject, type.Name);
            translated.PlaintextBody.ShouldNotBe(english.PlaintextBody, type.Name);
            translated.Subject.ShouldNotContain("\n");
            if (type.Fields.Count > 0)
            {
                translated.PlaintextBody.ShouldContain("Q7<&>9", customMessage: type.Name);
                translated.HtmlBody.ShouldContain("Q7&lt;&amp;&gt;9", customMessage: type.Name);
            }
        }
    }

    [Fact]
    public void GermanRecoveryCode_ReadsGerman()
    {
        var data = EmailTemplateData.From(CourierTemplateType.RecoveryCodeValid, "to@example.com", new { RecoveryCode = "123456" });

        var email = BuiltIn.Render(CourierTemplateType.RecoveryCodeValid, data, "de");

        email.Subject.ShouldBe("Zugang zu Ihrem Konto wiederherstellen");
        email.PlaintextBody.ShouldContain("123456");
        BuiltIn.RenderSms(CourierTemplateType.RecoveryCodeValid, data, "de").ShouldBe("Ihr Wiederherstellungscode lautet: 123456");
    }
}
