// SPDX-License-Identifier: Apache-2.0
using System.Security.Cryptography;
using Tessera.Hosting;
using Tessera.SelfService.Flows.Nodes;

namespace Tessera.SelfService.Methods.WebAuthn;

/// <summary>
/// <c>/.well-known/ory/webauthn.js</c>, the browser half of the passkey and webauthn methods, and the script node
/// that tells a UI to load it (with its sha512 subresource integrity, as Kratos's nodes carry it).
/// </summary>
internal static class WebAuthnScript
{
    public const string Path = "/.well-known/ory/webauthn.js";
    public const string NodeId = "webauthn_script";

    public static byte[] Content { get; } = Load();

    public static string Integrity { get; } = "sha512-" + Convert.ToBase64String(SHA512.HashData(Content));

    public static UiNode Node(PublicUrls urls) =>
        new("script", "webauthn", new UiScriptAttributes(NodeId, urls.For(Path).AbsoluteUri, Integrity), new UiNodeMeta(null));

    /// <summary>Adds the script node once (several methods may ask for it).</summary>
    public static void AddTo(UiContainer ui, PublicUrls urls)
    {
        if (!ui.Nodes.Any(n => n.Attributes is UiScriptAttributes { Id: NodeId }))
        {
            ui.Nodes.Add(Node(urls));
        }
    }

    private static byte[] Load()
    {
        using var stream = typeof(WebAuthnScript).Assembly.GetManifestResourceStream("webauthn.js")
            ?? throw new InvalidOperationException("webauthn.js is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
