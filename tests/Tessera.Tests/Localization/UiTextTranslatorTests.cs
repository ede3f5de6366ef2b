// SPDX-License-Identifier: Apache-2.0
using Tessera.Localization;
using Tessera.Ui.Messages;

namespace Tessera.Tests.Localization;

public sealed class UiTextTranslatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Translate_ExpiryMessage_KeepsIdContextAndTheNumberAsRenderedInEnglish()
    {
        var english = UiMessages.ErrorValidationLoginFlowExpired.WithExpiry(Now.AddMinutes(-2.5), Now);

        var german = UiTextTranslator.Translate(english, "de");

        english.Text.ShouldBe("The login flow expired 2.50 minutes ago, please try again.");
        german.Text.ShouldBe("Der Anmeldevorgang ist vor 2.50 Minuten abgelaufen, bitte versuchen Sie es erneut.");
        german.Id.ShouldBe(english.Id);
        german.Type.ShouldBe(english.Type);
        german.Context.ShouldBeSameAs(english.Context);
    }

    [Fact]
    public void Translate_RepeatedPlaceholders_AreFilledEverywhere()
    {
        var english = UiMessages.InfoSelfServiceLoginLink.With(new Dictionary<string, object?> { ["duplicate_identifier"] = "a@example.org", ["provider"] = "GitHub" });

        var french = UiTextTranslator.Translate(english, "fr");

        french.Text.ShouldStartWith("Vous avez essayé de vous connecter avec « a@example.org »");
        french.Text.ShouldContain("votre compte « a@example.org » chez « GitHub »");
    }

    [Fact]
    public void Translate_ValidationWithContext_RendersTheValuesAsInEnglish()
    {
        var english = UiMessages.ValidationPasswordMinLength.With(new Dictionary<string, object?> { ["min_length"] = 8, ["actual_length"] = 3 });

        UiTextTranslator.Translate(english, "de").Text.ShouldBe("Das Passwort muss mindestens 8 Zeichen lang sein, hat aber 3.");
    }

    [Fact]
    public void Translate_ATextNotFromItsTemplate_StaysAsWritten()
    {
        var custom = UiMessages.ValidationInvalidCredentials.With() with { Text = "Wrong, try again." };

        UiTextTranslator.Translate(custom, "de").ShouldBeSameAs(custom);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en")]
    [InlineData("ja")]
    public void Translate_EnglishOrUnsupported_IsTheEnglishText(string? language)
    {
        var english = UiMessages.ValidationInvalidCredentials.With();

        UiTextTranslator.Translate(english, language).ShouldBeSameAs(english);
    }
}
