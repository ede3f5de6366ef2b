// SPDX-License-Identifier: Apache-2.0
using System.Net.Mail;
using Tessera.Courier;

namespace Tessera.Tests.Courier;

public sealed class EmailTemplatesTests
{
    private static readonly EmailTemplates BuiltIn = new(new CourierOptions(
        null, new MailAddress("a@example.com"), new Dictionary<string, string>(), null, 5, 10, TimeSpan.FromSeconds(1)));

    public static TheoryData<string> Types => [.. CourierTemplateType.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryBuiltInTemplate_RendersItsCodeInBothBodies_AndAOneLineSubject(string name)
    {
        var type = CourierTemplateType.All.Single(t => t.Name == name);
        var model = type.Fields.ToDictionary(f => f, _ => "Q7<&>9");

        var email = BuiltIn.Render(type, EmailTemplateData.From(type, "to@example.com", model));

        email.Subject.ShouldNotBeNullOrWhiteSpace();
        email.Subject.ShouldNotContain("\n");
        if (type.Fields.Count > 0)
        {
            email.PlaintextBody.ShouldContain("Q7<&>9");           // plain text: as given
            email.HtmlBody.ShouldContain("Q7&lt;&amp;&gt;9");     // HTML: escaped
        }
    }

    [Fact]
    public void InvalidVariants_CarryNoCode()
    {
        CourierTemplateType.RecoveryCodeInvalid.Fields.ShouldBeEmpty();
        CourierTemplateType.VerificationCodeInvalid.Fields.ShouldBeEmpty();
        CourierTemplateType.All.Select(t => t.Name).ShouldBeUnique();
    }

    [Fact]
    public void From_MissingTheCode_Throws() =>
        Should.Throw<ArgumentException>(() => EmailTemplateData.From(CourierTemplateType.LoginCodeValid, "to@example.com", new { Other = 1 }));
}
