Console.WriteLine("wordcount");
