namespace PrepBot.Tests.Architecture.Synthetic;

/// <summary>
/// The root of a tiny synthetic layout (<c>Conversation</c>, <c>Features.Quiz</c>) the dependency checker's own test
/// reads, so the check is shown to fail on a violation.
/// </summary>
internal static class Marker;
