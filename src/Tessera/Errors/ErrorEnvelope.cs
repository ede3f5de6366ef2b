// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors;

/// <summary>Kratos's JSON error body: <c>{"error": {...}}</c>.</summary>
internal sealed record ErrorEnvelope(ErrorEnvelopeBody Error);
