// SPDX-License-Identifier: Apache-2.0
using System.Text;
using System.Text.Encodings.Web;
using HandlebarsDotNet;

namespace Tessera.SelfService.Hooks;

/// <summary>
/// What <c>{{path}}</c> writes in a web hook body template: the value escaped as the inside of a JSON string
/// (quotes, backslashes and control characters escaped), so <c>"{{identity.traits.email}}"</c> stays one string
/// whatever the trait holds: a trait cannot close the string and add keys of its own.
/// </summary>
internal sealed class JsonStringEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target) => Encode(text?.ToString(), target);

    public void Encode(string? text, TextWriter target)
    {
        if (!string.IsNullOrEmpty(text))
        {
            JavaScriptEncoder.Default.Encode(target, text);
        }
    }

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        if (text is null)
        {
            return;
        }

        var builder = new StringBuilder();
        while (text.MoveNext())
        {
            builder.Append(text.Current);
        }

        Encode(builder.ToString(), target);
    }
}
