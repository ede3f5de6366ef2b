// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>
/// What problem details add for a flow answer: <c>errors</c>, each message of the flow on the field it concerns, and
/// <c>flow</c>, the flow JSON a client re-renders (Kratos's <c>loginFlow</c>, <c>registrationFlow</c>, ...).
/// </summary>
internal sealed record FlowProblemExtensions(IReadOnlyList<FlowFieldError> Errors, object Flow);
