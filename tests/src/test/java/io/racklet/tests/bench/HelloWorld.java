package io.racklet.tests.bench;

/** The bare JVM that AgentFootprintBenchmark compares the agents with: prints, then idles to be measured. */
public final class HelloWorld {
    private HelloWorld() {}

    public static void main(String[] args) throws InterruptedException {
        System.out.println("hello, world");
        System.out.flush();
        Thread.sleep(60_000);
    }
}
