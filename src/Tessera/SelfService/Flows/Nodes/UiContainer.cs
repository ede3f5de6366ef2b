// SPDX-License-Identifier: Apache-2.0
using System.Text.Json.Nodes;
using Tessera.Ui.Messages;

namespace Tessera.SelfService.Flows.Nodes;

/// <summary>
/// The form a flow renders (Kratos's <c>uiContainer</c>): where to post it, its nodes, and the messages about the
/// form as a whole. Messages about one field go on that field's node.
/// </summary>
internal sealed class UiContainer
{
    public required string Action { get; set; }

    public string Method { get; set; } = "POST";

    public List<UiNode> Nodes { get; init; } = [];

    public List<UiText> Messages { get; init; } = [];

    public UiNode? Find(string name) => Nodes.FirstOrDefault(n => n.Name == name);

    /// <summary>Puts a message on the field's node, or on the form when no node has that name.</summary>
    public void AddMessage(string? field, UiText message)
    {
        var node = field is null ? null : Find(field);
        (node?.Messages ?? Messages).Add(message);
    }

    public void ClearMessages()
    {
        Messages.Clear();
        foreach (var node in Nodes)
        {
            node.Messages.Clear();
        }
    }

    /// <summary>
    /// A copy whose hidden <paramref name="name"/> node carries <paramref name="transform"/> of its value; this container
    /// is unchanged (the CSRF token is masked per response, never in the stored flow).
    /// </summary>
    public UiContainer WithValue(string name, Func<string, string> transform) => new()
    {
        Action = Action,
        Method = Method,
        Messages = Messages,
        Nodes = Nodes.Select(n => n.Name == name && n.Attributes is UiInputAttributes { Value: JsonValue value } input && value.TryGetValue<string>(out var text)
            ? n with { Attributes = input with { Value = JsonValue.Create(transform(text)) } }
            : n).ToList(),
    };

    /// <summary>Keeps what the user typed (never secrets) so a re-rendered form is not empty.</summary>
    public void SetValue(string name, JsonNode? value)
    {
        var index = Nodes.FindIndex(n => n.Name == name);
        if (index >= 0 && Nodes[index].Attributes is UiInputAttributes input && input.Type != "password")
        {
            Nodes[index] = Nodes[index] with { Attributes = input with { Value = value?.DeepClone() } };
        }
    }
}
