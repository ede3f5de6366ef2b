// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Courier;

/// <summary>A message's texts after rendering: what is stored in the outbox and sent.</summary>
internal sealed record RenderedEmail(string Subject, string HtmlBody, string PlaintextBody);
