global using Squall;
global using Squall.Drpc;
global using Tuple = Squall.Tuple;
