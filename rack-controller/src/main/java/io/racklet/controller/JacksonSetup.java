package io.racklet.controller;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.racklet.json.Json;
import jakarta.inject.Singleton;

/** Makes Micronaut's ObjectMapper the project's: ISO-8601 times, "1s" durations, strict input. */
@Singleton
public class JacksonSetup implements BeanCreatedEventListener<ObjectMapper> {
    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return Json.configure(event.getBean());
    }
}
