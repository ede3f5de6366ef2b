// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Tessera.SelfService.Flows.Nodes;
using Tessera.Ui.Messages;
using Tessera.Ui.Pages;

namespace Tessera.Tests.Ui;

/// <summary>Generic node rendering: every node type, labels, messages in place, nothing a flow carries becomes markup.</summary>
public sealed class FlowFormRendererTests
{
    private static readonly UiText Error = new(4000002, "Property email is missing.", "error", new Dictionary<string, object?>());

    private static UiContainer Form()
    {
        var ui = new UiContainer { Action = "http://127.0.0.1:4433/self-service/settings?flow=f" };
        ui.Nodes.Add(UiNode.Hidden("default", "csrf_token", "token-1"));
        ui.Nodes.Add(UiNode.Input("profile", "traits.email", "email", new UiText(1070002, "E-Mail", "info", new Dictionary<string, object?>()), required: true));
        ui.Nodes.Add(new UiNode("input", "profile", new UiInputAttributes("traits.newsletter", "checkbox") { Value = true }, new UiNodeMeta(null)));
        ui.Nodes.Add(new UiNode("input", "profile", new UiInputAttributes("method", "submit") { Value = "profile" }, new UiNodeMeta(UiMessages.InfoNodeLabelSave.With())));
        ui.Nodes.Add(UiNode.Input("password", "password", "password", UiMessages.InfoNodeLabelInputPassword.With()));
        ui.Nodes.Add(new UiNode("input", "password", new UiInputAttributes("method", "submit") { Value = "password" }, new UiNodeMeta(UiMessages.InfoNodeLabelSave.With())));
        ui.Nodes.Add(new UiNode("img", "totp", new UiImageAttributes("totp_qr", "data:image/png;base64,AAAA", 256, 256), new UiNodeMeta(null)));
        ui.Nodes.Add(new UiNode("text", "totp", new UiTextAttributes("totp_secret_key", new UiText(1050006, "JBSWY3DP", "info", new Dictionary<string, object?>())), new UiNodeMeta(null)));
        ui.Nodes.Add(new UiNode("a", "totp", new UiAnchorAttributes("evil", "javascript:alert(1)", new UiText(1, "Click", "info", new Dictionary<string, object?>())), new UiNodeMeta(null)));
        return ui;
    }

    [Fact]
    public void Render_OneFormPerGroup_EachCarriesTheCsrfTokenAndPostsToTheAction()
    {
        var document = Parse(FlowFormRenderer.Render(Form(), formPerGroup: true));

        var forms = document.QuerySelectorAll("form");
        forms.Length.ShouldBe(3);
        foreach (var form in forms)
        {
            form.GetAttribute("action").ShouldBe("http://127.0.0.1:4433/self-service/settings?flow=f");
            form.GetAttribute("method").ShouldBe("post");
            form.QuerySelector("input[type=hidden][name=csrf_token]")!.GetAttribute("value").ShouldBe("token-1");
        }
    }

    [Fact]
    public void Render_EveryVisibleInput_HasItsOwnLabel()
    {
        var document = Parse(FlowFormRenderer.Render(Form(), formPerGroup: false));

        var inputs = document.QuerySelectorAll("input:not([type=hidden])");
        inputs.Length.ShouldBe(3);
        foreach (var input in inputs)
        {
            document.QuerySelectorAll($"label[for='{input.Id}']").Length.ShouldBe(1);
        }

        document.QuerySelector("input[type=checkbox]")!.HasAttribute("checked").ShouldBeTrue();
        document.QuerySelectorAll("button[name=method]").Select(b => b.GetAttribute("value")).ShouldBe(["profile", "password"]);
    }

    [Fact]
    public void Render_MessagesOnAField_AreNextToItAndDescribeIt_FormMessagesAtTheTop()
    {
        var ui = Form();
        ui.AddMessage("traits.email", Error);
        ui.AddMessage(null, UiMessages.ValidationInvalidCredentials.With());

        var document = Parse(FlowFormRenderer.Render(ui, formPerGroup: false));

        document.Body!.FirstElementChild!.QuerySelector("[data-message-id='4000006']").ShouldNotBeNull();
        var email = document.QuerySelector("input[name='traits.email']")!;
        email.GetAttribute("aria-invalid").ShouldBe("true");
        var described = document.GetElementById(email.GetAttribute("aria-describedby")!)!;
        described.QuerySelector("[data-message-id='4000002']")!.TextContent.ShouldBe(Error.Text);
        described.ParentElement.ShouldBe(email.ParentElement);
    }

    [Fact]
    public void Render_ValuesAndTexts_AreEncoded_PasswordsNeverEchoed_ScriptLinksDisarmed()
    {
        var ui = Form();
        ui.SetValue("traits.email", JsonValue.Create("\"><script>alert(1)</script>"));
        ui.Nodes[4] = ui.Nodes[4] with { Attributes = new UiInputAttributes("password", "password") { Value = "secret" } };

        var html = FlowFormRenderer.Render(ui, formPerGroup: false).ToString();
        var document = Parse(FlowFormRenderer.Render(ui, formPerGroup: false));

        html.ShouldNotContain("<script>");
        document.QuerySelector("input[name='traits.email']")!.GetAttribute("value").ShouldBe("\"><script>alert(1)</script>");
        document.QuerySelector("input[name=password]")!.HasAttribute("value").ShouldBeFalse();
        document.QuerySelector("a#evil")!.GetAttribute("href").ShouldBe("#");
        document.QuerySelector("img#totp_qr")!.GetAttribute("alt").ShouldNotBeNullOrEmpty();
        document.QuerySelector("#totp_secret_key")!.TextContent.ShouldBe("JBSWY3DP");
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(Tessera.Ui.HtmlMarkup markup) => new HtmlParser().ParseDocument(markup.ToString());
}
