global using Squall;
global using Squall.Drpc;
global using Squall.Trident;
global using Tuple = Squall.Tuple;
global using Stream = Squall.Trident.Stream;
