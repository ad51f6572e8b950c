package org.switchboard.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.Test;

public class JsonInputExceptionMapperTest {

    record Inner(int b) {
    }

    record Outer(Inner a) {
    }

    record Item(String name) {
    }

    record Order(List<Item> items) {
    }

    private static JsonProcessingException failure(String json, Class<?> type) {
        try {
            JsonProvider.mapper().readValue(json, type);
        } catch (JsonProcessingException expected) {
            return expected;
        }
        fail("expected " + json + " to be refused as " + type.getSimpleName());
        return null;
    }

    @Test
    public void wrongTypeInNestedObjectNamesDottedPath() {
        Problem problem = JsonInputExceptionMapper.problem(failure("{\"a\":{\"b\":\"not a number\"}}", Outer.class));

        assertEquals(400, problem.status());
        assertEquals("a.b", problem.field());
    }

    @Test
    public void wrongTypeInArrayElementNamesIndex() {
        Problem problem = JsonInputExceptionMapper.problem(
                failure("{\"items\":[{\"name\":{\"first\":\"x\"}}]}", Order.class));

        assertEquals("items.0.name", problem.field());
    }

    @Test
    public void wrongTypeInLaterArrayElementNamesItsIndex() {
        Problem problem = JsonInputExceptionMapper.problem(
                failure("{\"items\":[{\"name\":\"ok\"},{\"name\":{\"first\":\"x\"}}]}", Order.class));

        assertEquals("items.1.name", problem.field());
    }

    @Test
    public void unknownTopLevelPropertyIsNamed() {
        Problem problem = JsonInputExceptionMapper.problem(failure("{\"a\":{\"b\":1},\"extra\":true}", Outer.class));

        assertEquals(400, problem.status());
        assertEquals("extra", problem.field());
    }

    @Test
    public void unknownNestedPropertyIsNamedWithItsPath() {
        Problem problem = JsonInputExceptionMapper.problem(failure("{\"a\":{\"b\":1,\"c\":2}}", Outer.class));

        assertEquals("a.c", problem.field());
    }

    @Test
    public void malformedJsonIsBadRequestWithoutField() {
        Problem problem = JsonInputExceptionMapper.problem(failure("{a:1}", Outer.class));

        assertEquals(400, problem.status());
        assertEquals("Invalid JSON", problem.title());
        assertNull(problem.field());
        assertNotNull(problem.detail());
    }

    @Test
    public void truncatedJsonHasNoField() {
        Problem problem = JsonInputExceptionMapper.problem(failure("{\"a\":{\"b\":1}", Outer.class));

        assertEquals(400, problem.status());
        assertNull(problem.field());
    }

    @Test
    public void emptyInputHasNoField() {
        Problem problem = JsonInputExceptionMapper.problem(failure("", Outer.class));

        assertEquals(400, problem.status());
        assertNull(problem.field());
    }
}
