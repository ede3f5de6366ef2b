// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Configuration;
using Tessera.Courier;

namespace Tessera.Tests.Courier;

public sealed class CourierTemplateOverridesTests
{
    private static ConfigurationTree Tree(string yaml) => new(YamlConfigurationFile.Parse(yaml, "test.yml"), new Dictionary<string, string>());

    [Fact]
    public void Bind_FileTemplates_InlineBase64AndFile_AreFoundByTypeAndFile()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "From a file {{RecoveryCode}}");
        try
        {
            var overrides = CourierTemplateOverrides.Bind(Tree($$$"""
                courier:
                  templates:
                    recovery_code:
                      valid:
                        email:
                          subject: "Inline {{RecoveryCode}}"
                          body:
                            plaintext: file://{{{path}}}
                            html: base64://PGI+e3tSZWNvdmVyeUNvZGV9fTwvYj4=
                """));

            var model = new Dictionary<string, object> { ["RecoveryCode"] = "123456" };
            overrides.Find(CourierTemplateType.RecoveryCodeValid, EmailTemplates.Subject)!(model).ShouldBe("Inline 123456");
            overrides.Find(CourierTemplateType.RecoveryCodeValid, EmailTemplates.PlaintextBody)!(model).ShouldBe("From a file 123456");
            overrides.Find(CourierTemplateType.RecoveryCodeValid, EmailTemplates.HtmlBody)!(model).ShouldBe("<b>123456</b>");
            overrides.Find(CourierTemplateType.RecoveryCodeInvalid, EmailTemplates.Subject).ShouldBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bind_OverlayNamingAServerFile_IsRefusedNamingTheKey()
    {
        var overlay = JsonNode.Parse("""{"courier":{"templates":{"verification_code":{"valid":{"sms":{"body":{"plaintext":"file:///etc/hostname"}}}}}}}""")!.AsObject();

        var error = Should.Throw<ConfigurationException>(() => CourierTemplateOverrides.Bind(Tree(string.Empty).WithOverlay(overlay)));

        error.KeyPath.ShouldBe("courier.templates.verification_code.valid.sms.body.plaintext");
    }
}
