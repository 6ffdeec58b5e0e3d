namespace Squall.Runtime.Windowing;

/// <summary>An item held by a <see cref="WindowManager{T}"/>: its timestamp (arrival or event time) and its arrival number.</summary>
internal readonly record struct WindowItem<T>(T Item, long Timestamp, long Seq);
