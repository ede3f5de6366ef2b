// SPDX-License-Identifier: Apache-2.0
namespace Tessera.Errors.Occurrences;

/// <summary>
/// One error id (<see cref="OccurrenceKinds.Error"/>) or UI message id (<see cref="OccurrenceKinds.Message"/>) a client
/// met, with where and when. Never more than this: no identifier, trait, password, code or token, no request path
/// (it may carry an id), only the route pattern (<c>POST /self-service/login</c>).
/// </summary>
internal sealed record ErrorOccurrence(
    DateTimeOffset OccurredAt, string Kind, string Code, int? Status, string? FlowKind, Guid? FlowId, string? Endpoint, string? RequestId)
    : OccurrenceRecord(OccurredAt);
