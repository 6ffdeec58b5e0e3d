global using System.Diagnostics.CodeAnalysis;
global using System.Numerics;
global using Tuple = Squall.Tuple;
