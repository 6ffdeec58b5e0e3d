global using System.Collections.Concurrent;
global using Squall;
global using Squall.Runtime;
global using Squall.Testing;
global using Tuple = Squall.Tuple;
