global using Squall;
