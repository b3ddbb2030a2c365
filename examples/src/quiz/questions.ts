// The quiz of each lesson (the unit's "Taller y Quiz"): a few multiple-choice questions, each with why its answer is the right one.
import type { Text } from '../text.js';

export interface Question {
  readonly prompt: Text;
  readonly options: readonly Text[];
  /** The index of the right option. */
  readonly answer: number;
  /** Why the right option is right (and what the wrong ones get wrong). */
  readonly why: Text;
}

const q = (prompt: Text, options: Text[], answer: number, why: Text): Question => ({ prompt, options, answer, why });

export const QUIZZES: ReadonlyMap<number, readonly Question[]> = new Map([
  [1, [
    q({ en: 'You start 4 processes with start(), then join() each one. When do they begin to work?', es: 'Arrancas 4 procesos con start() y después haces join() de cada uno. ¿Cuándo empiezan a trabajar?' },
      [{ en: 'When you call join()', es: 'Cuando llamas a join()' }, { en: 'As soon as you call start(); join() only waits for their end', es: 'En cuanto llamas a start(); join() solo espera a que terminen' }, { en: 'When the one before has ended', es: 'Cuando ha terminado el anterior' }], 1,
      { en: 'start() launches the child at once and returns; join() waits for it to end. Calling join() right after each start() would run them one after another.', es: 'start() lanza el hijo enseguida y vuelve; join() espera a que termine. Hacer join() justo después de cada start() los ejecutaría uno tras otro.' }),
    q({ en: 'Why is the parallel time not exactly the serial time divided by the number of cores?', es: '¿Por qué el tiempo en paralelo no es exactamente el tiempo en serie dividido por el número de núcleos?' },
      [{ en: 'Because the processes share their memory', es: 'Porque los procesos comparten su memoria' }, { en: 'Because JavaScript uses only one core', es: 'Porque JavaScript solo usa un núcleo' }, { en: 'Because starting each process or thread takes time, and the work is never split perfectly', es: 'Porque arrancar cada proceso o hilo lleva tiempo, y el trabajo nunca se reparte perfecto' }], 2,
      { en: 'Each worker has to start before it works, and the machine runs other things too. Processes do not share memory, and each worker runs on a core of its own.', es: 'Cada trabajador tiene que arrancar antes de trabajar, y la máquina hace otras cosas a la vez. Los procesos no comparten memoria, y cada trabajador corre en su propio núcleo.' }),
    q({ en: 'Under the thread strategy, which pid do the threads’ lines show?', es: 'Con la estrategia thread, ¿qué pid muestran las líneas de los hilos?' },
      [{ en: 'The main process’s pid, each with its own thread number', es: 'El pid del proceso principal, cada uno con su número de hilo' }, { en: 'A different pid for each thread', es: 'Un pid distinto para cada hilo' }, { en: 'None', es: 'Ninguno' }], 0,
      { en: 'Threads live inside one process, so they share its pid; the thread number tells them apart. Under the process strategy each child has a pid of its own.', es: 'Los hilos viven dentro de un proceso, así que comparten su pid; el número de hilo los distingue. Con la estrategia process cada hijo tiene su propio pid.' }),
  ]],
  [2, [
    q({ en: 'What is the third process you create without a name called?', es: '¿Cómo se llama el tercer proceso que creas sin darle nombre?' },
      [{ en: 'Thread-3', es: 'Thread-3' }, { en: 'Process-3', es: 'Process-3' }, { en: 'MainProcess', es: 'MainProcess' }], 1,
      { en: 'As in Python, unnamed processes are numbered in the order they are created: Process-1, Process-2, Process-3 …', es: 'Como en Python, los procesos sin nombre se numeran en el orden en que se crean: Process-1, Process-2, Process-3 …' }),
    q({ en: 'What does currentProcess().name give in the main program?', es: '¿Qué da currentProcess().name en el programa principal?' },
      [{ en: 'MainProcess', es: 'MainProcess' }, { en: '`main`', es: '`main`' }, { en: 'Process-0', es: 'Process-0' }], 0,
      { en: 'The main program is called MainProcess, as in Python; a child reads its own name with the same call.', es: 'El programa principal se llama MainProcess, como en Python; un hijo lee su propio nombre con la misma llamada.' }),
    q({ en: 'How does a child learn its parent’s name?', es: '¿Cómo sabe un hijo el nombre de su padre?' },
      [{ en: 'It cannot', es: 'No puede saberlo' }, { en: 'currentProcess().parent', es: 'currentProcess().parent' }, { en: 'parentProcess()?.name', es: 'parentProcess()?.name' }], 2,
      { en: 'parentProcess() gives the parent’s information (null in the main program), as Python’s parent_process().', es: 'parentProcess() da los datos del padre (null en el programa principal), como parent_process() en Python.' }),
  ]],
  [3, [
    q({ en: 'The main program’s code ends without join(). What happens to a non-daemon child that is still working?', es: 'El código del programa principal termina sin join(). ¿Qué pasa con un hijo no daemon que sigue trabajando?' },
      [{ en: 'It is killed at once', es: 'Se le mata al instante' }, { en: 'The program waits for it to end', es: 'El programa espera a que termine' }, { en: 'It goes on after the program has exited', es: 'Sigue después de que el programa haya salido' }], 1,
      { en: 'A program ends only when its non-daemon children have ended, as in Python; lesson 3 shows it waiting.', es: 'Un programa termina solo cuando sus hijos no daemon han terminado, como en Python; la lección 3 lo muestra esperando.' }),
    q({ en: 'And a daemon child?', es: '¿Y un hijo daemon?' },
      [{ en: 'The program waits for it too', es: 'El programa también lo espera' }, { en: 'It becomes a non-daemon', es: 'Se convierte en no daemon' }, { en: 'It is stopped when the program exits', es: 'Se detiene cuando el programa sale' }], 2,
      { en: 'A daemon works in the background: the program does not wait for it, and stops it when it exits.', es: 'Un daemon trabaja en segundo plano: el programa no lo espera, y lo detiene al salir.' }),
    q({ en: 'When can you set p.daemon = true?', es: '¿Cuándo puedes poner p.daemon = true?' },
      [{ en: 'Before start()', es: 'Antes de start()' }, { en: 'At any time', es: 'En cualquier momento' }, { en: 'Only inside the child', es: 'Solo dentro del hijo' }], 0,
      { en: 'Whether a child is a daemon is decided when it starts; afterwards it cannot change, as in Python.', es: 'Si un hijo es daemon se decide al arrancarlo; después ya no puede cambiar, como en Python.' }),
  ]],
  [4, [
    q({ en: 'What is the difference between terminate() and kill()?', es: '¿Qué diferencia hay entre terminate() y kill()?' },
      [{ en: 'None', es: 'Ninguna' }, { en: 'terminate() sends SIGTERM (asks it to end); kill() sends SIGKILL (ends it at once)', es: 'terminate() envía SIGTERM (le pide que termine); kill() envía SIGKILL (lo termina de inmediato)' }, { en: 'kill() also waits for the end', es: 'kill() además espera el final' }], 1,
      { en: 'A process can handle SIGTERM to tidy up; SIGKILL cannot be caught. Neither waits: join() does.', es: 'Un proceso puede atender SIGTERM para recoger; SIGKILL no se puede atrapar. Ninguno de los dos espera: eso lo hace join().' }),
    q({ en: 'Right after p.terminate(), p.isAlive() is …', es: 'Justo después de p.terminate(), p.isAlive() vale …' },
      [{ en: 'true, until join() has seen the end', es: 'true, hasta que join() haya visto el final' }, { en: 'false', es: 'false' }, { en: 'null', es: 'null' }], 0,
      { en: 'terminate() only sends the signal; the process may still be ending. After join(), isAlive() is false and exitCode is set.', es: 'terminate() solo envía la señal; el proceso puede estar terminando todavía. Después de join(), isAlive() es false y exitCode tiene valor.' }),
    q({ en: 'A process ended with kill() has exitCode …', es: 'Un proceso terminado con kill() tiene exitCode …' },
      [{ en: '0', es: '0' }, { en: '-15', es: '-15' }, { en: '-9', es: '-9' }], 2,
      { en: 'A negative exit code is minus the signal’s number: SIGKILL is 9, SIGTERM is 15.', es: 'Un código de salida negativo es el número de la señal con signo menos: SIGKILL es 9, SIGTERM es 15.' }),
  ]],
  [5, [
    q({ en: 'In a Process subclass, which method runs in the child?', es: 'En una subclase de Process, ¿qué método se ejecuta en el hijo?' },
      [{ en: 'run()', es: 'run()' }, { en: 'The constructor', es: 'El constructor' }, { en: 'start()', es: 'start()' }], 0,
      { en: 'start() is called in the parent and launches the child; the child then calls run(). The constructor runs in the parent.', es: 'start() se llama en el padre y lanza el hijo; el hijo llama entonces a run(). El constructor se ejecuta en el padre.' }),
    q({ en: 'Does the constructor run again in the child?', es: '¿Se vuelve a ejecutar el constructor en el hijo?' },
      [{ en: 'Yes', es: 'Sí' }, { en: 'Only under the thread strategy', es: 'Solo con la estrategia thread' }, { en: 'No: the child rebuilds the object from its class and its fields, as pickle does', es: 'No: el hijo reconstruye el objeto con su clase y sus campos, como hace pickle' }], 2,
      { en: 'The fields travel as data and the child puts them back on an object of the same class; so whatever run() needs must be in a field.', es: 'Los campos viajan como datos y el hijo los vuelve a poner en un objeto de la misma clase; por eso lo que run() necesite debe estar en un campo.' }),
    q({ en: 'Why is defineTargets(import.meta.url, { PrimeCounter }) needed?', es: '¿Para qué hace falta defineTargets(import.meta.url, { PrimeCounter })?' },
      [{ en: 'To make it faster', es: 'Para que sea más rápida' }, { en: 'So that the child can find the class by its module and name', es: 'Para que el hijo encuentre la clase por su módulo y su nombre' }, { en: 'To be allowed to call start()', es: 'Para poder llamar a start()' }], 1,
      { en: 'A function or class cannot be copied to another process or thread: the child imports it from its module, as pickle names Python functions.', es: 'Una función o una clase no se puede copiar a otro proceso o hilo: el hijo la importa de su módulo, como pickle nombra las funciones de Python.' }),
  ]],
  [6, [
    q({ en: 'A Queue(3) holds 3 items. What does put() do?', es: 'Una Queue(3) tiene 3 elementos. ¿Qué hace put()?' },
      [{ en: 'It raises Full at once', es: 'Lanza Full al instante' }, { en: 'It waits until someone gets an item', es: 'Espera hasta que alguien saque un elemento' }, { en: 'It overwrites the oldest item', es: 'Sobrescribe el elemento más antiguo' }], 1,
      { en: 'put() waits for room (up to its timeout); putNowait() is the one that raises Full at once.', es: 'put() espera a que haya sitio (hasta su plazo); putNowait() es el que lanza Full al instante.' }),
    q({ en: 'A consumer gets an object holding a Date. What does it get?', es: 'Un consumidor recibe un objeto que contiene un Date. ¿Qué recibe?' },
      [{ en: 'A reference to the producer’s own object', es: 'Una referencia al mismo objeto del productor' }, { en: 'A JSON text', es: 'Un texto JSON' }, { en: 'A copy of its own, in which the Date is still a Date', es: 'Una copia propia, en la que el Date sigue siendo un Date' }], 2,
      { en: 'Every item is copied when it is put (like pickle): changing it afterwards changes nothing for the receiver, and Dates, Maps and the like keep their type.', es: 'Cada elemento se copia al ponerlo (como con pickle): cambiarlo después no cambia nada para quien lo recibe, y los Date, Map y demás conservan su tipo.' }),
    q({ en: 'How does a consumer know there will be no more orders?', es: '¿Cómo sabe un consumidor que no habrá más pedidos?' },
      [{ en: 'It gets the sentinel, null, which the main program puts once the producers have ended', es: 'Recibe el centinela, null, que el programa principal pone cuando los productores han terminado' }, { en: 'The queue is empty', es: 'La cola está vacía' }, { en: 'A producer ends', es: 'Un productor termina' }], 0,
      { en: 'An empty queue may fill again a moment later; only an agreed item (the sentinel, one per consumer) says "stop".', es: 'Una cola vacía puede volver a llenarse un instante después; solo un elemento acordado (el centinela, uno por consumidor) dice «para».' }),
  ]],
  [7, [
    q({ en: 'How many ends does a Pipe join?', es: '¿Cuántos extremos une una Pipe?' },
      [{ en: 'As many as there are processes', es: 'Tantos como procesos haya' }, { en: 'Exactly two', es: 'Exactamente dos' }, { en: 'One', es: 'Uno' }], 1,
      { en: 'Pipe() gives two connected ends; for many producers and consumers use a Queue.', es: 'Pipe() da dos extremos conectados; para muchos productores y consumidores, usa una Queue.' }),
    q({ en: 'The other end has closed and no message is left. What does recv() do?', es: 'El otro extremo se ha cerrado y no queda ningún mensaje. ¿Qué hace recv()?' },
      [{ en: 'It returns null', es: 'Devuelve null' }, { en: 'It waits forever', es: 'Espera para siempre' }, { en: 'It raises EOFError', es: 'Lanza EOFError' }], 2,
      { en: 'EOFError is how a pipe says "no more": catch it to end a receiving loop, as the counter in lesson 7 does.', es: 'EOFError es la forma en que una tubería dice «no hay más»: atrápalo para acabar un bucle que recibe, como hace el contador de la lección 7.' }),
    q({ en: 'You hand one end to a child. Can you still use your copy?', es: 'Pasas un extremo a un hijo. ¿Puedes seguir usando tu copia?' },
      [{ en: 'No: the end moves to the child', es: 'No: el extremo se mueve al hijo' }, { en: 'Yes', es: 'Sí' }, { en: 'Only to receive', es: 'Solo para recibir' }], 0,
      { en: 'An end is one side of one connection; passing it to a Process moves it there, and the copy left behind can no longer be used.', es: 'Un extremo es un lado de una sola conexión; pasarlo a un Process lo mueve allí, y la copia que queda ya no se puede usar.' }),
  ]],
  [8, [
    q({ en: 'Barrier(3): two workers have called wait(). What do they do?', es: 'Barrier(3): dos trabajadores han llamado a wait(). ¿Qué hacen?' },
      [{ en: 'They go on', es: 'Siguen' }, { en: 'They wait for the third', es: 'Esperan al tercero' }, { en: 'They raise an error', es: 'Lanzan un error' }], 1,
      { en: 'A barrier holds every party until all of them have arrived; then all go on together (or, after a timeout, all get BrokenBarrierError).', es: 'Una barrera retiene a cada participante hasta que han llegado todos; entonces siguen todos a la vez (o, tras un plazo, todos reciben BrokenBarrierError).' }),
    q({ en: 'Three workers add 1 to a shared counter without a lock (read, pause, write). What can happen?', es: 'Tres trabajadores suman 1 a un contador compartido sin cerrojo (leer, pausa, escribir). ¿Qué puede pasar?' },
      [{ en: 'It always comes out right', es: 'Siempre sale bien' }, { en: 'The program blocks', es: 'El programa se bloquea' }, { en: 'Updates are lost: two of them read the same value', es: 'Se pierden sumas: dos de ellos leen el mismo valor' }], 2,
      { en: 'Both write back the value they read plus one, so one of the two additions disappears; lessons 8 and 11 count how many.', es: 'Los dos escriben el valor que leyeron más uno, así que una de las dos sumas desaparece; las lecciones 8 y 11 cuentan cuántas.' }),
    q({ en: 'What does the Lock protect in lesson 8?', es: '¿Qué protege el Lock en la lección 8?' },
      [{ en: 'Each whole addition: read and write as one step', es: 'Cada suma entera: leer y escribir como un solo paso' }, { en: 'Only the read', es: 'Solo la lectura' }, { en: 'Only the write', es: 'Solo la escritura' }], 0,
      { en: 'The race is between a read and the write that follows it; the lock must cover both, so that nobody reads in between.', es: 'La carrera está entre una lectura y la escritura que la sigue; el cerrojo debe cubrir las dos, para que nadie lea en medio.' }),
  ]],
  [9, [
    q({ en: 'Where do a Manager’s objects live?', es: '¿Dónde viven los objetos de un Manager?' },
      [{ en: 'In every process', es: 'En cada proceso' }, { en: 'In the manager’s server; everyone else uses proxies', es: 'En el servidor del manager; los demás usan proxies' }, { en: 'In a file', es: 'En un archivo' }], 1,
      { en: 'The server holds the real dict and list; a proxy passed to a worker sends each call to it.', es: 'El servidor guarda el diccionario y la lista de verdad; un proxy pasado a un trabajador le envía cada llamada.' }),
    q({ en: 'Why is each call on a proxy async (`await`)?', es: '¿Por qué cada llamada a un proxy es asíncrona (`await`)?' },
      [{ en: 'Because each call is a message to the server and its answer', es: 'Porque cada llamada es un mensaje al servidor y su respuesta' }, { en: 'Only for style', es: 'Solo por estilo' }, { en: 'Because dicts are slow', es: 'Porque los diccionarios son lentos' }], 0,
      { en: 'The object is elsewhere: the call travels to the server and the result comes back, which takes a moment.', es: 'El objeto está en otro sitio: la llamada viaja al servidor y el resultado vuelve, lo que lleva un momento.' }),
    q({ en: 'Two workers each do d.get(k) and then d.set(k, v + 1), at the same time. What is needed?', es: 'Dos trabajadores hacen cada uno d.get(k) y después d.set(k, v + 1), a la vez. ¿Qué hace falta?' },
      [{ en: 'Nothing: the manager makes it atomic', es: 'Nada: el manager lo hace atómico' }, { en: 'A list instead of a dict', es: 'Una lista en vez de un diccionario' }, { en: 'A lock around the `get` and the `set`, such as manager.lock()', es: 'Un cerrojo alrededor del `get` y el `set`, por ejemplo manager.lock()' }], 2,
      { en: 'Each call is atomic on its own, but `get` then `set` is two calls: another worker can come in between, as in lesson 8.', es: 'Cada llamada es atómica por sí sola, pero `get` y luego `set` son dos llamadas: otro trabajador puede colarse en medio, como en la lección 8.' }),
  ]],
  [10, [
    q({ en: 'In which order does pool.map give back its results?', es: '¿En qué orden devuelve pool.map sus resultados?' },
      [{ en: 'In the order the jobs end', es: 'En el orden en que terminan los trabajos' }, { en: 'In the input’s order', es: 'En el orden de entrada' }, { en: 'At random', es: 'Al azar' }], 1,
      { en: 'map keeps the input’s order, as in Python, whichever worker finishes first.', es: 'map mantiene el orden de entrada, como en Python, termine antes el trabajador que termine.' }),
    q({ en: 'What does applyAsync give back at once?', es: '¿Qué devuelve applyAsync al instante?' },
      [{ en: 'The result', es: 'El resultado' }, { en: 'Nothing', es: 'Nada' }, { en: 'A pending result: ready() says whether it is there yet', es: 'Un resultado pendiente: ready() dice si ya está' }], 2,
      { en: 'applyAsync sends the job and returns at once, like Python’s apply_async; `await` the result when you need it.', es: 'applyAsync envía el trabajo y vuelve enseguida, como apply_async en Python; espera el resultado con `await` cuando lo necesites.' }),
    q({ en: 'With 2 cores, what is the best speed-up possible for CPU-bound work?', es: 'Con 2 núcleos, ¿cuál es la mejor aceleración posible para un trabajo de CPU?' },
      [{ en: 'About 2×', es: 'Unas 2×' }, { en: '4×', es: '4×' }, { en: 'There is no limit', es: 'No hay límite' }], 0,
      { en: 'Each worker runs one job at a time on one core: 2 cores give at most about twice the speed, less the cost of sending the jobs.', es: 'Cada trabajador corre un trabajo a la vez en un núcleo: 2 núcleos dan como mucho el doble, menos el coste de enviar los trabajos.' }),
  ]],
  [11, [
    q({ en: 'Under the thread strategy, the system kills a worker’s process. What happens to the other threads?', es: 'Con la estrategia thread, el sistema mata el proceso de un trabajador. ¿Qué pasa con los demás hilos?' },
      [{ en: 'They go on', es: 'Siguen' }, { en: 'They die too: it is the same process', es: 'Mueren también: es el mismo proceso' }, { en: 'They restart', es: 'Vuelven a empezar' }], 1,
      { en: 'Threads share their process: whatever kills it kills all of them. Separate processes are the unit’s "greater stability".', es: 'Los hilos comparten su proceso: lo que lo mata los mata a todos. Procesos separados son la «mayor estabilidad» de la unidad.' }),
    q({ en: 'Which costs more per worker, as lesson 11 measures?', es: '¿Qué cuesta más por trabajador, según mide la lección 11?' },
      [{ en: 'A child process: memory of its own and a slower start', es: 'Un proceso hijo: memoria propia y un arranque más lento' }, { en: 'A thread', es: 'Un hilo' }, { en: 'Both cost the same', es: 'Los dos cuestan lo mismo' }], 0,
      { en: 'Each child process carries a whole runtime of its own; a thread shares its process’s. That is the unit’s "greater resource consumption".', es: 'Cada proceso hijo lleva un entorno de ejecución entero propio; un hilo comparte el de su proceso. Ese es el «mayor consumo de recursos» de la unidad.' }),
    q({ en: 'Why does a message cost so much more than a write to shared memory?', es: '¿Por qué un mensaje cuesta mucho más que escribir en memoria compartida?' },
      [{ en: 'Because messages are compressed', es: 'Porque los mensajes se comprimen' }, { en: 'It does not cost more', es: 'No cuesta más' }, { en: 'The data is copied and the other side must be woken up', es: 'Los datos se copian y hay que despertar al otro lado' }], 2,
      { en: 'A message is copied, sent, and waits for the receiver to run; a write to shared memory is one instruction. That is the unit’s "communication problems".', es: 'Un mensaje se copia, se envía y espera a que el receptor se ejecute; una escritura en memoria compartida es una instrucción. Esos son los «problemas de comunicación» de la unidad.' }),
  ]],
]);
