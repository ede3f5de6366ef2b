// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// One member of a flow problem's <c>errors</c> list: the field as a JSON pointer into the submission
/// (<c>#/traits/email</c>, <c>#/password</c>; <c>#</c> for the form as a whole), the UI message as the flow carries it
/// (<c>id</c>, <c>text</c>, <c>type</c>, <c>context</c>), the catalog error it belongs to and the message's doc page.
/// </summary>
internal sealed record FlowFieldError(
    string Pointer,
    int Id,
    string Text,
    string Type,
    IReadOnlyDictionary<string, object?> Context,
    string ErrorId,
    string DocUrl);
